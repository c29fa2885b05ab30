package deploy

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Command is the command line a systemd service unit starts.
type Command struct {
	Unit string   // the unit's file name, such as "defwatch-index.service"
	Args []string // the program as written in ExecStart, then its arguments
}

// ServiceCommands returns the ExecStart command line of every *.service file
// in dir, in file name order. It reads the lines the way systemd does (comments,
// sections, backslash continuations, an empty ExecStart= clearing the list,
// the "-", "+", "!", ":" and "@" prefixes) and splits the command the way a
// POSIX shell splits words, with single quotes, double quotes and backslashes.
// Specifiers such as %n and $VARIABLE references are returned as written:
// their values depend on the machine the unit runs on.
//
// A unit without exactly one command, or a dir without a single service unit,
// is an error: the callers check every unit's command, and a check that finds
// nothing to check must not pass.
func ServiceCommands(dir string) ([]Command, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("deploy: %w", err)
	}
	var cmds []Command
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".service" {
			continue
		}
		path := filepath.Join(dir, e.Name())
		args, err := readExecStart(path)
		if err != nil {
			return nil, fmt.Errorf("deploy: %s: %w", path, err)
		}
		cmds = append(cmds, Command{Unit: e.Name(), Args: args})
	}
	if len(cmds) == 0 {
		return nil, fmt.Errorf("deploy: no *.service files in %s", dir)
	}
	return cmds, nil
}

func readExecStart(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ds, err := parseUnit(f)
	if err != nil {
		return nil, err
	}
	return execStart(ds)
}

// directive is one Key=Value setting of a unit file.
type directive struct {
	Section string
	Key     string
	Value   string
	Line    int // where the setting starts, for error messages
}

// parseUnit reads a unit file into its settings, in order. Repeated keys stay
// separate entries: for ExecStart and many others, systemd treats a repeat as
// "one more", and an empty value as "forget the earlier ones".
func parseUnit(r io.Reader) ([]directive, error) {
	var (
		ds      []directive
		section string
		pending strings.Builder // a setting continued over several lines
		start   int             // the line the pending setting started on
		n       int
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		continuing := pending.Len() > 0
		if continuing && (strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";")) {
			// systemd skips comment lines inside a continued setting, which
			// lets a long ExecStart carry comments between its arguments.
			continue
		}
		if !continuing && (line == "" || line[0] == '#' || line[0] == ';') {
			continue
		}
		if !continuing && strings.HasPrefix(line, "[") {
			if !strings.HasSuffix(line, "]") || len(line) < 3 {
				return nil, fmt.Errorf("line %d: malformed section header %q", n, line)
			}
			section = line[1 : len(line)-1]
			continue
		}
		if !continuing {
			start = n
		}
		if body, ok := strings.CutSuffix(line, `\`); ok {
			// systemd joins the lines with the backslash turned into a space.
			pending.WriteString(body)
			pending.WriteByte(' ')
			continue
		}
		pending.WriteString(line)
		d, err := newDirective(section, pending.String(), start)
		if err != nil {
			return nil, err
		}
		ds = append(ds, d)
		pending.Reset()
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if pending.Len() > 0 {
		// A continuation at the end of the file ends the setting there.
		d, err := newDirective(section, pending.String(), start)
		if err != nil {
			return nil, err
		}
		ds = append(ds, d)
	}
	return ds, nil
}

func newDirective(section, text string, line int) (directive, error) {
	key, value, ok := strings.Cut(text, "=")
	key = strings.TrimSpace(key)
	if !ok || key == "" {
		return directive{}, fmt.Errorf("line %d: want Key=Value, got %q", line, text)
	}
	if section == "" {
		return directive{}, fmt.Errorf("line %d: %s is outside any [Section]", line, key)
	}
	return directive{Section: section, Key: key, Value: strings.TrimSpace(value), Line: line}, nil
}

// execStart returns the argv of the service's one ExecStart command.
func execStart(ds []directive) ([]string, error) {
	var cmds []directive
	for _, d := range ds {
		if d.Section != "Service" || d.Key != "ExecStart" {
			continue
		}
		if d.Value == "" {
			cmds = cmds[:0]
			continue
		}
		cmds = append(cmds, d)
	}
	switch len(cmds) {
	case 0:
		return nil, errors.New("no ExecStart in [Service]")
	case 1:
	default:
		return nil, fmt.Errorf("lines %d and %d: more than one ExecStart; a long-running service has exactly one", cmds[0].Line, cmds[1].Line)
	}
	d := cmds[0]

	// Prefixes change how systemd runs the command (ignore its failure, run
	// it with full privileges, ...), not what the command is.
	cmdline := d.Value
	argv0 := false
	for len(cmdline) > 0 && strings.IndexByte("@-:+!", cmdline[0]) >= 0 {
		if cmdline[0] == '@' {
			argv0 = true
		}
		cmdline = cmdline[1:]
	}
	args, err := splitWords(cmdline)
	if err != nil {
		return nil, fmt.Errorf("line %d: ExecStart: %w", d.Line, err)
	}
	if argv0 {
		// "@" makes the second word the argv[0] the program sees, while the
		// first stays the file that runs. Callers want the file.
		if len(args) < 2 {
			return nil, fmt.Errorf("line %d: ExecStart: \"@\" needs a program and an argv[0]", d.Line)
		}
		args = append(args[:1], args[2:]...)
	}
	if len(args) == 0 {
		return nil, fmt.Errorf("line %d: ExecStart has only prefixes, no command", d.Line)
	}
	for _, a := range args {
		if a == ";" {
			return nil, fmt.Errorf("line %d: ExecStart holds several commands separated by \";\"", d.Line)
		}
	}
	return args, nil
}

// splitWords splits s into words the way a POSIX shell does, for the quoting a
// unit file uses: blanks separate words; single quotes keep everything up to
// the next single quote; double quotes keep everything up to the next double
// quote except that a backslash there escapes ", \, $ and `; a backslash
// elsewhere escapes the next character. Adjacent pieces form one word, so
// --name="a b" is the single word --name=a b.
func splitWords(s string) ([]string, error) {
	var (
		words  []string
		word   strings.Builder
		inWord bool // so that "" is an empty word, not none
	)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ' ', '\t', '\n':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		case '\'':
			inWord = true
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return nil, errors.New("unterminated single quote")
			}
			word.WriteString(s[i+1 : i+1+end])
			i += end + 1
		case '"':
			inWord = true
			closed := false
			for i++; i < len(s); i++ {
				if s[i] == '"' {
					closed = true
					break
				}
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\"\\$`", s[i+1]) >= 0 {
					i++
				}
				word.WriteByte(s[i])
			}
			if !closed {
				return nil, errors.New("unterminated double quote")
			}
		case '\\':
			if i+1 == len(s) {
				return nil, errors.New("backslash at the end of the command")
			}
			inWord = true
			i++
			word.WriteByte(s[i])
		default:
			inWord = true
			word.WriteByte(c)
		}
	}
	if inWord {
		words = append(words, word.String())
	}
	return words, nil
}
