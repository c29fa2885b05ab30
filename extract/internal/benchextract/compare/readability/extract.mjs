// Runs Mozilla Readability.js over the pages the Go harness (../main.go) wrote
// and times every page inside node, so that node's start-up and module
// loading stay out of the figure, as the Go extractors' set-up stays out of
// theirs.
//
//	node extract.mjs PAGES_DIR PRED_DIR RUNS TIMES_JSON
//
// PAGES_DIR holds index.json ([{"id", "url"}]) and <id>.html: the pages the Go
// extractors parse, as the same decoded UTF-8. The text of each page goes to
// PRED_DIR/<id>.txt; TIMES_JSON gets the versions and every run's time.
//
// jsdom stays at 29.x in package.json: 30 and later need node 22, and the
// project's machines have node 20.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";

const [pagesDir, predDir, runsArg, timesFile] = process.argv.slice(2);
const runs = Number.parseInt(runsArg, 10);
if (!timesFile || !(runs >= 1)) {
  console.error("usage: node extract.mjs PAGES_DIR PRED_DIR RUNS TIMES_JSON");
  process.exit(2);
}

function versionOf(name) {
  const file = join(import.meta.dirname, "node_modules", name, "package.json");
  return JSON.parse(readFileSync(file, "utf8")).version;
}

// A console that forwards nowhere: jsdom reports every stylesheet it cannot
// parse, which would bury the harness's output.
const quiet = new VirtualConsole();

const pages = JSON.parse(readFileSync(join(pagesDir, "index.json"), "utf8"));
mkdirSync(predDir, { recursive: true });
const result = {
  versions: {
    "@mozilla/readability": versionOf("@mozilla/readability"),
    jsdom: versionOf("jsdom"),
    node: process.version,
  },
  pages: {},
};

for (const { id, url } of pages) {
  const html = readFileSync(join(pagesDir, `${id}.html`), "utf8");
  const ms = [];
  let text = "";
  let error;
  for (let i = 0; i < runs; i++) {
    let dom;
    const start = performance.now();
    try {
      dom = new JSDOM(html, { url, virtualConsole: quiet });
      const article = new Readability(dom.window.document).parse();
      text = article?.textContent ?? "";
      error = undefined;
    } catch (e) {
      // A page jsdom or Readability.js throws on counts as an empty
      // prediction, as a Go extractor's error does.
      text = "";
      error = String(e?.message ?? e);
    }
    ms.push(performance.now() - start);
    // Freeing the window is left out of the time, like the Go extractors'
    // garbage, which the collector frees whenever it runs.
    dom?.window.close();
  }
  writeFileSync(join(predDir, `${id}.txt`), text);
  result.pages[id] = error === undefined ? { ms } : { ms, error };
}

writeFileSync(timesFile, JSON.stringify(result));
