/**
 * What may cross `google.script.run`, in both directions, as Google documents it
 * (https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)
 * and https://developers.google.com/apps-script/guides/html/communication,
 * "Parameters and return values"):
 *
 * > Legal parameters are JavaScript primitives like a Number, Boolean, String, or
 * > null, as well as JavaScript objects and arrays that are composed of
 * > primitives, objects and arrays. [...] Requests fail if you attempt to pass a
 * > Date, Function, DOM element besides a form, or other prohibited type,
 * > including prohibited types inside objects or arrays. Objects that create
 * > circular references will also fail, and undefined fields within arrays
 * > become null.
 *
 * and of the result: "return types are subject to the same restrictions as
 * parameter types, except that a form element is not a legal return type". So a
 * server function returning a Date fails the request: the failure handler runs.
 *
 * Where the pages are silent the emulator takes the stricter reading (SPEC §10):
 * - an `undefined` argument is refused (undefined is not among the legal
 *   parameters; only undefined *inside arrays* is said to become null): leave an
 *   optional parameter out instead;
 * - an object field holding `undefined` is dropped, as a copy made by value
 *   would have no such field;
 * - only plain objects pass: a Map, Set, RegExp, class instance… is an "other
 *   prohibited type"; BigInt and Symbol too;
 * - a `<form>` element, legal as a lone parameter, is not emulated: refused.
 * - a server function that returns nothing (`undefined`) gives the success
 *   handler null.
 *
 * This module has no imports: the bridge also bundles it into the page, where
 * the arguments are checked before they are sent (a Date cannot survive JSON).
 * Values may come from another realm (the runtime's vm), so nothing here uses
 * `instanceof`.
 */

/** Why a value cannot cross `google.script.run`; the message names where it is. */
export class RpcValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RpcValueError';
  }
}

const RULE = 'google.script.run carries only numbers, strings, booleans, null, and plain objects and arrays of them';

function refuse(path: string, what: string): never {
  throw new RpcValueError(`${path} is ${what}: ${RULE}`);
}

function child(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** What a non-plain object is, for the message: "a Date", "a Map", "a DOM element"… */
function describe(value: object): string {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  const node = value as { nodeType?: unknown; nodeName?: unknown };
  if (typeof node.nodeType === 'number' && typeof node.nodeName === 'string') {
    return `a DOM element (${node.nodeName.toLowerCase()}; a lone <form> is legal in Apps Script but not emulated)`;
  }
  if (tag === 'Date') return 'a Date';
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
  const name = proto?.constructor?.name;
  return `a ${typeof name === 'string' && name ? name : tag}`;
}

function isPlainObject(value: object): boolean {
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  // Object.prototype of any realm: its own prototype is null.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * A copy of `value` as the other side receives it, or an {@link RpcValueError}
 * naming the first part that may not cross (`arguments[0].date is a Date: …`).
 * `inside` holds the objects enclosing `value`, by the path they were found at.
 */
export function toRpcValue(value: unknown, path: string, inside: Map<object, string> = new Map()): unknown {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'undefined':
      return refuse(path, 'undefined');
    case 'function':
      return refuse(path, 'a function');
    case 'bigint':
      return refuse(path, 'a BigInt');
    case 'symbol':
      return refuse(path, 'a Symbol');
  }
  if (value === null) return null;
  const object = value as object;
  const seen = inside.get(object);
  if (seen !== undefined) {
    return refuse(path, `circular (it is ${seen} again)`);
  }
  if (Array.isArray(object)) {
    inside.set(object, path);
    const copy: unknown[] = [];
    for (let i = 0; i < object.length; i++) {
      const item: unknown = object[i];
      // "undefined fields within arrays become null" (holes too).
      copy.push(item === undefined ? null : toRpcValue(item, `${path}[${i}]`, inside));
    }
    inside.delete(object);
    return copy;
  }
  if (!isPlainObject(object)) return refuse(path, describe(object));
  inside.set(object, path);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const field: unknown = (object as Record<string, unknown>)[key];
    if (field !== undefined) copy[key] = toRpcValue(field, child(path, key), inside);
  }
  inside.delete(object);
  return copy;
}

/** The arguments of a call as the server function receives them (`arguments[i]…` in messages). */
export function rpcArguments(args: readonly unknown[]): unknown[] {
  return args.map((arg, i) => toRpcValue(arg, `arguments[${i}]`));
}

/** A server function's result as the success handler receives it (`result…` in messages). */
export function rpcResult(value: unknown): unknown {
  return value === undefined ? null : toRpcValue(value, 'result');
}
