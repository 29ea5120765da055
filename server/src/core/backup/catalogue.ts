import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/connection';

/** A table of the application with the columns a restore writes (generated ones are recomputed). */
export interface TableInfo {
  name: string;
  columns: string[];
}

/**
 * The application's tables (schema `public`) with parents before children, so rows can be written
 * back in that order with every foreign key already satisfied.
 */
export async function listTables(executor: Executor): Promise<TableInfo[]> {
  const tables = await queryRows<{ name: string }>(
    executor,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    executor,
    sql`select table_name, column_name from information_schema.columns
         where table_schema = 'public' and is_generated = 'NEVER'
         order by table_name, ordinal_position`,
  );
  const references = await queryRows<{ child: string; parent: string }>(
    executor,
    sql`select c.relname as child, p.relname as parent
          from pg_constraint k
          join pg_class c on c.oid = k.conrelid
          join pg_class p on p.oid = k.confrelid
          join pg_namespace n on n.oid = c.relnamespace
         where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  const parentsOf = new Map<string, Set<string>>();
  for (const { child, parent } of references) {
    if (!parentsOf.has(child)) parentsOf.set(child, new Set());
    parentsOf.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name)) return;
    path.add(name);
    for (const parent of parentsOf.get(name) ?? []) visit(parent, path);
    path.delete(name);
    placed.add(name);
    ordered.push(name);
  };
  for (const { name } of tables) visit(name, new Set());
  return ordered.map((name) => ({
    name,
    columns: columns.filter((column) => column.table_name === name).map((column) => column.column_name),
  }));
}

/** The newest migration applied to the database: what a backup's rows fit. */
export async function readSchemaVersion(executor: Executor): Promise<number> {
  const [row] = await queryRows<{ created_at: string | number | null }>(
    executor,
    sql`select max(created_at) as created_at from drizzle.__drizzle_migrations`,
  );
  return Number(row?.created_at ?? 0);
}

/** After rows were written with their ids, every serial and identity sequence continues past them. */
export async function resetSequences(executor: Executor): Promise<void> {
  const sequences = await queryRows<{ table_name: string; column_name: string; sequence: string }>(
    executor,
    sql`select table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) as sequence
          from information_schema.columns
         where table_schema = 'public'
           and pg_get_serial_sequence(quote_ident(table_name), column_name) is not null`,
  );
  for (const { table_name, column_name, sequence } of sequences) {
    await executor.execute(
      sql.raw(
        `select setval('${sequence}', coalesce((select max("${column_name}") from "${table_name}"), 0) + 1, false)`,
      ),
    );
  }
}
