// Runs the real @rocket.chat/message-parser over texts and prints {"text", "md"} JSON lines.
// Input (stdin): one JSON value per line, either a string or an object with a "text" key.
// Options match a default Rocket.Chat server; pass --no-emoticons etc. only for experiments.
import { createInterface } from 'node:readline';
import { parse } from '@rocket.chat/message-parser';

const options = {
  colors: true,
  emoticons: true,
  customDomains: [],
  katex: { dollarSyntax: false, parenthesisSyntax: true },
};

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const item = JSON.parse(line);
  const text = typeof item === 'string' ? item : item.text;
  try {
    process.stdout.write(JSON.stringify({ text, md: parse(text, options) }) + '\n');
  } catch (err) {
    process.stdout.write(JSON.stringify({ text, error: String(err && err.message) }) + '\n');
  }
}
