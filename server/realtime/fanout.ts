/**
 * The fan-out of pushes. A push is data: the walls apply to it exactly as they apply to the
 * matching HTTP read, and it reads in its reader's language as that read would. Every socket is
 * in the channel of its login's language (`channels.locale`); a push is made once per language
 * it goes out in, inside that language (`domain/locale.ts`), so pack content and the pack's names
 * come translated to each reader.
 */
import { inLocale } from '../domain/locale';
import type { Actor } from '../domain/policy';
import type { ServerToClientEvents } from '../protocol/events';
import { LOCALES, type Locale } from '../protocol/vocabulary';
import { channels } from './channels';
import type { AppSocket, IO } from './index';

/** The language `socket` reads in (the channel it is in; English if none). */
export function socketLocale(socket: AppSocket): Locale {
  return LOCALES.find((locale) => socket.rooms.has(channels.locale(locale))) ?? 'en';
}

/** Puts `socket` in the channel of `locale`, and out of the others. */
export function setSocketLocale(socket: AppSocket, locale: Locale): void {
  for (const other of LOCALES) if (other !== locale) void socket.leave(channels.locale(other));
  void socket.join(channels.locale(locale));
}

/** Runs `fn` on every local socket in `channel`, in its language; failures are logged, never thrown. */
export function eachSocket(
  io: IO,
  channel: string,
  fn: (socket: AppSocket) => void | Promise<void>,
  log: (msg: string, err: unknown) => void,
  what: string,
): Promise<void> {
  return io
    .in(channel)
    .fetchSockets()
    .then(async (found) => {
      for (const { id } of found) {
        const socket = io.sockets.sockets.get(id);
        if (!socket) continue;
        try {
          await inLocale(socketLocale(socket), () => fn(socket));
        } catch (err) {
          log(`${what} failed`, err);
        }
      }
    })
    .catch((err: unknown) => log(`${what} failed`, err));
}

type Args<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>;

/**
 * Emits `event` to the sockets of `sessionId` whose actor passes `may`; `make` gives its
 * arguments, made at most once per language. Failures are logged, never thrown.
 */
export function emitWhere<E extends keyof ServerToClientEvents>(
  io: IO,
  sessionId: string,
  may: (actor: Actor) => boolean,
  log: (msg: string, err: unknown) => void,
  event: E,
  make: () => Args<E>,
): void {
  const made = new Map<Locale, Args<E>>();
  void eachSocket(
    io,
    channels.session(sessionId),
    (s) => {
      if (!may(s.data.actor)) return;
      const locale = socketLocale(s);
      let args = made.get(locale);
      if (!args) made.set(locale, (args = make()));
      (s.emit as (e: E, ...a: Args<E>) => boolean)(event, ...args);
    },
    log,
    `push ${event}`,
  );
}

/**
 * Emits `event` to every socket in `to` (one channel or several), made by `make` once per
 * language inside it: each socket receives the one of its own language.
 */
export function emitInEachLocale<E extends keyof ServerToClientEvents>(
  io: IO,
  to: string | string[],
  event: E,
  make: () => Args<E>,
): void {
  for (const locale of LOCALES) {
    if (!io.sockets.adapter.rooms.get(channels.locale(locale))?.size) continue; // nobody reads in it
    const others = LOCALES.filter((other) => other !== locale).map(channels.locale);
    const args = inLocale(locale, make);
    (io.to(to).except(others).emit as (e: E, ...a: Args<E>) => boolean)(event, ...args);
  }
}
