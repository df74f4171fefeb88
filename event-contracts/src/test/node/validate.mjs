// Validates docs/asyncapi.yaml (path in argv[2]) with the AsyncAPI parser (spec schema and the parser's own rules),
// then the board's rule: every message has a name, a title, at least one example, and, for the events staff or a
// vendor cause, the actor. Prints one line per problem and exits 1; prints "valid N messages" otherwise.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Parser } from "@asyncapi/parser";

const ACTOR_EVENTS = ["EligibilityDecided", "NameChangeRequested", "NameChangeDecided", "ExamPassed", "ExamFailed", "CertificationRenewed", "CertificationRetired"];
const parser = new Parser();
// source: the payload schemas are $refs relative to the document (event-contracts/src/main/resources/schemas)
const source = resolve(process.argv[2]);
const { document, diagnostics } = await parser.parse(readFileSync(source, "utf8"), { source });
const problems = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join(".")}: ${d.message}`);
if (document) {
  for (const message of document.allMessages()) {
    const id = message.id();
    if (!message.name()) problems.push(`message ${id}: no name`);
    if (!message.title()) problems.push(`message ${id}: no title`);
    if (message.examples().length === 0) problems.push(`message ${id}: no example`);
    const base = id.replace(/V\d+$/, "");
    if (ACTOR_EVENTS.includes(base) && !/V1$/.test(id)) {
      const properties = message.payload()?.properties() ?? {};
      if (!("actor" in properties)) problems.push(`message ${id}: no actor in the payload`);
    }
  }
  console.log(`valid ${document.allMessages().length} messages, AsyncAPI ${document.version()}`);
} else {
  problems.push("the document could not be parsed");
}
for (const problem of problems) console.log(`INVALID ${problem}`);
process.exit(problems.length ? 1 : 0);
