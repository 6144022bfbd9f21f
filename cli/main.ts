/**
 * `eid-terminal` entry: dispatches to one module per command, loaded on demand so that a command
 * never pays for another's dependencies (the PC/SC binding, SQLite, Fastify ...).
 */
import type { Command } from './command.ts';
import { print, printError, reportError } from './output.ts';

const COMMANDS: Record<string, () => Promise<Command>> = {
  readers: async () => (await import('./commands/readers.ts')).command,
  read: async () => (await import('./commands/read.ts')).command,
  verify: async () => (await import('./commands/verify.ts')).command,
  trust: async () => (await import('./commands/trust.ts')).command,
  'virtual-card': async () => (await import('./commands/virtual-card.ts')).command,
  records: async () => (await import('./commands/records.ts')).command,
  registry: async () => (await import('./commands/registry.ts')).command,
  enrol: async () => (await import('./commands/enrol.ts')).command,
  sync: async () => (await import('./commands/sync.ts')).command,
  serve: async () => (await import('./commands/serve.ts')).command,
  start: async () => (await import('./commands/start.ts')).command,
  face: async () => (await import('./commands/face.ts')).command,
  integration: async () => (await import('./commands/integration.ts')).command,
  result: async () => (await import('./commands/result.ts')).command,
};

async function usage(): Promise<string> {
  const lines = ['Usage: eid-terminal <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const summary = await load().then((c) => c.summary, () => '(not available in this build)');
    lines.push(`  ${name.padEnd(14)} ${summary}`);
  }
  lines.push('', 'Run `eid-terminal <command> --help` for the options of a command.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    print(await usage());
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    printError(`Unknown command: ${name}\n\n${await usage()}`);
    return 2;
  }
  try {
    const command = await load();
    return await command.run(rest);
  } catch (e) {
    return reportError(e, rest.includes('--json'));
  }
}
