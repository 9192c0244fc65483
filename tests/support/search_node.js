// Runs the site's own search worker script (the file the browser loads) under Node, on one language's
// built index, and prints each query's pages, best first, as JSON.
// Usage: node search_node.js WORKER_SCRIPT LANGUAGE_SEARCH_FOLDER QUERIES_JSON_FILE [TOP]
// With TOP "fetched": prints, for each query searched on its own, the files the engine fetched.
"use strict";
const fs = require("fs");
const vm = require("vm");
const [worker, folder, queriesFile, top] = process.argv.slice(2);
const context = { TextEncoder, console };
context.globalThis = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(worker, "utf8"), context, { filename: worker });
function read(path) {
  const text = fs.readFileSync(path, "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1));
}
const manifest = JSON.parse(fs.readFileSync(`${folder}/search_index.json`, "utf8")).config.selamat;
let fetched = [];
const load = (kind, file) => { fetched.push(`${kind}/${file}`); return Promise.resolve(read(`${folder}/${kind}/${file}.js`)); };
const engine = new context.SelamatSearch.Engine(manifest, load);
(async () => {
  if (top === "fetched") {
    const out = [];
    for (const query of JSON.parse(fs.readFileSync(queriesFile, "utf8"))) {
      fetched = [];
      const alone = new context.SelamatSearch.Engine(manifest, load);
      await alone.search(query);
      await new Promise(resolve => setTimeout(resolve, 0));  // what it fetched ahead, without waiting
      out.push(fetched.slice().sort());
    }
    process.stdout.write(JSON.stringify(out));
    return;
  }
  const out = [];
  for (const query of JSON.parse(fs.readFileSync(queriesFile, "utf8"))) {
    const ranked = await engine.search(query);
    out.push(ranked.pages.slice(0, Number(top || 5)).map(p => read(`${folder}/d/${p.page}.js`).l));
  }
  process.stdout.write(JSON.stringify(out));
})().catch(error => { console.error(error); process.exit(1); });
