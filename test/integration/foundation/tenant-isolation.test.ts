import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { NOTE_TABLE_SQL, notesModule } from '../../fixtures/notes';

let gw: TestGateway;
let tokenA: string;
let tokenB: string;
let noteOfB: string;

beforeAll(async () => {
  gw = await startTestGateway({ extraModules: [notesModule] });
  await dbQuery(gw.databaseUrl, NOTE_TABLE_SQL);
  tokenA = await gw.token('tenant-a');
  tokenB = await gw.token('tenant-b');
  const created = await gql<{ createNote: { id: string } }>(gw.url, 'mutation { createNote(text: "B private") { id } }', { token: tokenB });
  noteOfB = created.body.data!.createNote.id;
  await gql(gw.url, 'mutation { createNote(text: "A own") { id } }', { token: tokenA });
});
afterAll(() => gw?.stop());

describe('tenant isolation below the resolvers', () => {
  it('stamps new rows with the caller tenant', async () => {
    const rows = await dbQuery(gw.databaseUrl, 'SELECT tenant, text FROM test_note ORDER BY text');
    expect(rows.rows).toEqual([
      { tenant: 'tenant-a', text: 'A own' },
      { tenant: 'tenant-b', text: 'B private' },
    ]);
  });

  it('tenant A cannot read B’s row by id, nor list it', async () => {
    const read = await gql(gw.url, 'query($id: ID!) { note(id: $id) { text } }', { token: tokenA, variables: { id: noteOfB } });
    expect(errorCodes(read)).toEqual(['NOT_FOUND']);
    const list = await gql<{ notes: { text: string }[] }>(gw.url, '{ notes { text } }', { token: tokenA });
    expect(list.body.data!.notes).toEqual([{ text: 'A own' }]);
  });

  it('tenant A cannot update B’s row by id (entity or bulk update)', async () => {
    const upd = await gql(gw.url, 'mutation($id: ID!) { updateNote(id: $id, text: "hijacked") { text } }', { token: tokenA, variables: { id: noteOfB } });
    expect(errorCodes(upd)).toEqual(['NOT_FOUND']);
    const bulk = await gql<{ renameNoteNative: number }>(gw.url, 'mutation($id: ID!) { renameNoteNative(id: $id, text: "hijacked") }', {
      token: tokenA,
      variables: { id: noteOfB },
    });
    expect(bulk.body.data!.renameNoteNative).toBe(0);
  });

  it('tenant A cannot delete B’s row by id', async () => {
    const del = await gql(gw.url, 'mutation($id: ID!) { deleteNote(id: $id) }', { token: tokenA, variables: { id: noteOfB } });
    expect(errorCodes(del)).toEqual(['NOT_FOUND']);
  });

  it('B’s row is untouched and B still reads it', async () => {
    const rows = await dbQuery(gw.databaseUrl, 'SELECT text FROM test_note WHERE id = $1', [noteOfB]);
    expect(rows.rows).toEqual([{ text: 'B private' }]);
    const read = await gql<{ note: { text: string } }>(gw.url, 'query($id: ID!) { note(id: $id) { text } }', { token: tokenB, variables: { id: noteOfB } });
    expect(read.body.data!.note.text).toBe('B private');
  });
});
