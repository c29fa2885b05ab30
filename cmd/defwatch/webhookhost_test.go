package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestAlertsAddRefusesPrivateWebhooks: a webhook the running defwatch
// would refuse to send to is refused when it is added, with the way to
// allow it; TestAlerts covers a defwatch run with --allow-private.
func TestAlertsAddRefusesPrivateWebhooks(t *testing.T) {
	natsAddr := freeAddr(t)
	r := startRun(t, "--data", t.TempDir(), "--nats-listen", natsAddr, "--listen", freeAddr(t))
	for _, hook := range []string{"http://127.0.0.1:9/hook", "http://localhost:9/hook", "http://[::1]/hook", "http://10.1.2.3/hook", "http://[::ffff:192.168.1.1]/hook"} {
		out, err := alertsCmd(t, natsAddr, "add", "--webhook", hook, "hooked", "nation:UA")
		if err == nil || !strings.Contains(err.Error(), "--allow-private") {
			t.Errorf("add --webhook %s: %v %q; want a refusal that names --allow-private", hook, err, out)
		}
	}
	if out, err := alertsCmd(t, natsAddr, "add", "--webhook", "https://93.184.215.14/hook", "public", "nation:UA"); err != nil {
		t.Errorf("a public webhook: %v %q", err, out)
	}
	// The same rule through the API.
	resp, err := http.Post(r.api+"/api/alerts", "application/json",
		strings.NewReader(`{"name": "hooked", "query": "nation:UA", "webhook": "http://127.0.0.1:9/hook"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "--allow-private") {
		t.Errorf("POST /api/alerts with a loopback webhook: %d %s; want 400 naming --allow-private", resp.StatusCode, body)
	}
	out, err := alertsCmd(t, natsAddr, "list")
	if err != nil || strings.Contains(out, "hooked") || !strings.Contains(out, "public") {
		t.Errorf("list: %v %q; want only the public one", err, out)
	}
}
