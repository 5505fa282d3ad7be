import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ctiCommandNames, ctiEventNames, hubPath, rawMessagesQueryKey } from '../src/index.js';

// The names are fixed by the server's contract; reading the C# constants keeps the two from drifting apart.
const contracts = fileURLToPath(new URL('../../../src/Switchboard.Contracts/', import.meta.url));

function constants(file: string): string[] {
  const text = readFileSync(contracts + file, 'utf8');
  return [...text.matchAll(/public const string (\w+) = "([^"]+)";/g)].map((m) => m[2]!);
}

describe('contract names', () => {
  it('are exactly the events of CtiEvents.cs', () => {
    expect([...ctiEventNames].sort()).toEqual(constants('CtiEvents.cs').sort());
  });

  it('are exactly the commands of CtiCommands.cs', () => {
    const server = constants('CtiCommands.cs').filter((name) => name !== hubPath && name !== rawMessagesQueryKey);
    expect([...ctiCommandNames].sort()).toEqual(server.sort());
  });
});
