/**
 * The runtime's `Intl`, no kinder than Apps Script's. Google documents Apps
 * Script's V8 runtime as "modern ECMAScript" without listing the ICU options it
 * accepts, so the emulator refuses the `timeZoneName` values that arrived after
 * ES2017 (`shortOffset`, `longOffset`, `shortGeneric`, `longGeneric`, added to
 * ECMA-402 in 2021). Code that needs a zone's offset must compute it from
 * `formatToParts` (src/core/zoneOffset.ts).
 */
import vm from 'node:vm';

/** `timeZoneName` values the emulator refuses, with V8's own error text. */
export const UNDOCUMENTED_ZONE_NAMES = ['shortOffset', 'longOffset', 'shortGeneric', 'longGeneric'] as const;

/** Replaces the context's `Intl.DateTimeFormat` and `Date#toLocale*String` with refusing wrappers. */
export function restrictIntl(context: vm.Context): void {
  context.__aqRefused = [...UNDOCUMENTED_ZONE_NAMES];
  vm.runInContext(
    `(() => {
      const refused = new Set(__aqRefused);
      const check = (options) => {
        const name = options == null ? undefined : options.timeZoneName;
        if (refused.has(name)) {
          throw new RangeError('Value ' + name + ' out of range for Intl.DateTimeFormat options property timeZoneName');
        }
      };
      const Real = Intl.DateTimeFormat;
      function DateTimeFormat(locales, options) {
        check(options);
        return new Real(locales, options);
      }
      DateTimeFormat.prototype = Real.prototype;
      DateTimeFormat.supportedLocalesOf = Real.supportedLocalesOf;
      Object.defineProperty(Intl, 'DateTimeFormat', { value: DateTimeFormat, writable: true, configurable: true });
      for (const method of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
        const real = Date.prototype[method];
        Object.defineProperty(Date.prototype, method, {
          value: function (locales, options) { check(options); return real.call(this, locales, options); },
          writable: true,
          configurable: true,
        });
      }
    })();
    delete globalThis.__aqRefused;`,
    context,
  );
}
