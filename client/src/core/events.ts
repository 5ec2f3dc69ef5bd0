/**
 * Typed custom events. Each element declares the events it fires in the global
 * `GlobalEventHandlersEventMap` (which `HTMLElementEventMap` extends) beside itself, as
 * `'cis-…': CustomEvent<Detail>`; `emit` takes only those names and their detail, so a
 * misspelt name or a wrong detail fails the build. Every event bubbles out of shadow roots.
 */

/** The names of the app's own events (`cis-…`, declared as CustomEvents). */
export type CisEventName = {
  [K in keyof GlobalEventHandlersEventMap]: K extends `cis-${string}`
    ? GlobalEventHandlersEventMap[K] extends CustomEvent
      ? K
      : never
    : never;
}[keyof GlobalEventHandlersEventMap];

/** The detail an app event carries. */
export type CisEventDetail<K extends CisEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Fire the app event `name` from `target` (bubbling, composed); `detail` is required
 * unless the event carries none. Returns false when a listener called preventDefault().
 */
export function emit<K extends CisEventName>(
  target: EventTarget,
  name: K,
  ...detail: CisEventDetail<K> extends void | undefined ? [] : [CisEventDetail<K>]
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail: detail[0], bubbles: true, composed: true }));
}
