// The administrator's commands: users and their regions (`npm run server -- user add …`).
import { createInterface } from 'node:readline';
import { REGIONS } from '../shared/geo/regions';
import { userRoleSchema, type UserRole } from '../shared/sync/contract';
import type { Database } from './db/database';
import { ALL_REGIONS, UserExistsError, createUser, disableUser, listUsers, setPassword } from './auth/users';

export const USAGE = `Usage: npm run server [-- <command>]
  (no command)                         start the server (see server/README.md for the environment)
  migrate                              apply the database migrations and exit
  user add <username> --role admin|clerk|viewer --regions <id,id…|all> [--name "Display name"] [--password-stdin]
  user passwd <username> [--password-stdin]
  user disable <username>              sign the user out everywhere and refuse new sign-ins
  user list
Passwords are asked for twice on a terminal, or read from standard input with --password-stdin.
Region ids: ${REGIONS.map((r) => r.id).join(', ')}; "all" grants every region.`;

export const MIN_PASSWORD_LENGTH = 8;

class UsageError extends Error {}

type Flags = { positional: string[]; flags: Map<string, string | true> };

function parseArgs(args: string[]): Flags {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (name === 'password-stdin') flags.set(name, true);
      else if (inline !== undefined) flags.set(name, inline);
      else if (i + 1 < args.length) flags.set(name, args[++i]!);
      else throw new UsageError(`--${name} needs a value`);
    } else positional.push(a);
  }
  return { positional, flags };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Asks for a line on the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let asked = false;
    out._writeToOutput = (s: string) => {
      if (!asked) {
        process.stdout.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      process.stdout.write('\n');
      rl.close();
      resolve(answer);
    });
  });
}

async function readPassword(f: Flags): Promise<string> {
  let password: string;
  if (f.flags.has('password-stdin') || !process.stdin.isTTY) {
    password = await readStdin();
  } else {
    password = await askHidden('Password: ');
    if ((await askHidden('Repeat the password: ')) !== password) throw new UsageError('The passwords differ.');
  }
  if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`The password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > 1024) throw new UsageError('The password is longer than 1024 characters.');
  return password;
}

function parseRegions(value: string | true | undefined): string[] {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError('--regions is required (e.g. --regions aktobe,astana, or --regions all).');
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 1 && ids[0] === 'all') return [ALL_REGIONS];
  const known = new Set(REGIONS.map((r) => r.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new UsageError(`Unknown region ${unknown.join(', ')}. Known: ${[...known].join(', ')}.`);
  return [...new Set(ids)];
}

/** A user command, checked and with its password read, waiting for the database. */
export type UserCommand = (db: Database) => Promise<number>;

/**
 * Checks a `user …` command's arguments and reads the password (before the database is opened,
 * so a typo costs nothing); returns the command to run, or the exit code of a usage error.
 */
export async function prepareUserCommand(args: string[]): Promise<UserCommand | number> {
  try {
    const f = parseArgs(args);
    const [sub, username] = f.positional;
    const needName = () => {
      if (!username || !/^[A-Za-z0-9._@-]{1,100}$/.test(username)) throw new UsageError('Give a username (letters, digits, . _ @ -; up to 100).');
      return username;
    };
    switch (sub) {
      case 'add': {
        const name = needName();
        const role = userRoleSchema.safeParse(f.flags.get('role'));
        if (!role.success) throw new UsageError('--role must be admin, clerk or viewer.');
        const regions = parseRegions(f.flags.get('regions'));
        const displayFlag = f.flags.get('name');
        const displayName = typeof displayFlag === 'string' && displayFlag.trim() ? displayFlag.trim().slice(0, 200) : name;
        const password = await readPassword(f);
        return async (db) => {
          try {
            await createUser(db, { username: name, displayName, role: role.data as UserRole, regions, password });
          } catch (e) {
            if (!(e instanceof UserExistsError)) throw e;
            console.error(`User ${name} exists (change the password with: user passwd ${name}).`);
            return 2;
          }
          console.log(`User ${name} (${role.data}; regions: ${regions.join(', ')}) created.`);
          return 0;
        };
      }
      case 'passwd': {
        const name = needName();
        const password = await readPassword(f);
        return async (db) => {
          const ok = await setPassword(db, name, password);
          console.log(ok ? `Password of ${name} changed; their sessions are closed.` : `No user ${name}.`);
          return ok ? 0 : 1;
        };
      }
      case 'disable': {
        const name = needName();
        return async (db) => {
          const ok = await disableUser(db, name);
          console.log(ok ? `User ${name} disabled.` : `No user ${name}.`);
          return ok ? 0 : 1;
        };
      }
      case 'list':
        return async (db) => {
          for (const u of await listUsers(db)) {
            console.log(`${u.username}\t${u.role}\t${u.regions.join(',')}\t${u.displayName}${u.disabled ? '\t(disabled)' : ''}`);
          }
          return 0;
        };
      default:
        throw new UsageError(`Unknown command: user ${sub ?? ''}`);
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n\n${USAGE}`);
    return 2;
  }
}
