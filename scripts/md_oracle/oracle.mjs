// Runs the real @rocket.chat/message-parser over texts and prints {"text", "md"} JSON lines.
// Input (stdin): one JSON value per line, either a string or an object with a "text" key and, optionally,
// "options" (message-parser Options) replacing the defaults of a Rocket.Chat server; that key is echoed.
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
  const custom = typeof item === 'object' && item.options ? { options: item.options } : {};
  try {
    const md = parse(text, custom.options ?? options);
    process.stdout.write(JSON.stringify({ text, ...custom, md }) + '\n');
  } catch (err) {
    process.stdout.write(JSON.stringify({ text, ...custom, error: String(err && err.message) }) + '\n');
  }
}
