// Answer SELECT queries with Comunica over one SPARQL endpoint, as SPARQL 1.1 JSON results.
// Usage: node select.mjs ENDPOINT < queries.json   ({"name": "query text", ...})
// Prints {"name": {"head": {"vars": [...]}, "results": {"bindings": [...]}}, ...}, so the tests
// read Comunica's answers with the same codec as any endpoint's.
import { QueryEngine } from '@comunica/query-sparql';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

function jsonTerm(term) {
  if (term.termType === 'NamedNode') return { type: 'uri', value: term.value };
  if (term.termType === 'BlankNode') return { type: 'bnode', value: term.value };
  const out = { type: 'literal', value: term.value };
  if (term.language) out['xml:lang'] = term.language;
  else if (term.datatype && term.datatype.value !== XSD_STRING && term.datatype.value !== RDF_LANG_STRING) {
    out.datatype = term.datatype.value;
  }
  return out;
}

const [endpoint] = process.argv.slice(2);
let input = '';
for await (const chunk of process.stdin) input += chunk;
const engine = new QueryEngine();
const answers = {};
for (const [name, query] of Object.entries(JSON.parse(input))) {
  const result = await engine.query(query, { sources: [{ type: 'sparql', value: endpoint }] });
  const vars = (await result.metadata()).variables.map((v) => (v.variable ?? v).value);
  const bindings = [];
  for (const binding of await (await result.execute()).toArray()) {
    const row = {};
    for (const [variable, term] of binding) row[variable.value] = jsonTerm(term);
    bindings.push(row);
  }
  answers[name] = { head: { vars }, results: { bindings } };
}
process.stdout.write(JSON.stringify(answers));
