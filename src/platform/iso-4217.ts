// ISO 4217's current currency codes and their minor units: how many digits an amount has after the
// decimal point, so how an integer amount in "minor units" (API.md) reads. Taken from the standard's
// List One (published 2024-06-25, plus XCG, the Caribbean guilder of 2025), not from Intl: ICU keeps
// its own digits and differs for HUF, IDR, LBP and others (0 where ISO 4217 says 2) and IQD (0, not
// 3), which would put amounts in those currencies off by 100 or 1000. Codes without minor units
// (gold, SDR, XTS, XXX) are no money a cinema can charge, and are left out.
//
// No imports and no runtime APIs: the web app bundles this same file (web/src/i18n/format.ts).

const BY_EXPONENT: Record<number, string> = {
  0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF',
  2:
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD ' +
    'CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP ' +
    'GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL ' +
    'MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN ' +
    'QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD ' +
    'TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG',
  3: 'BHD IQD JOD KWD LYD OMR TND',
  4: 'CLF UYW',
};

/** Every current ISO 4217 code with minor units, and how many digits follow the decimal point. */
export const ISO_4217_MINOR_UNITS: ReadonlyMap<string, number> = new Map(
  Object.entries(BY_EXPONENT).flatMap(([digits, codes]) =>
    codes.split(' ').map((code) => [code, Number(digits)] as const),
  ),
);

/** A current ISO 4217 currency code, in upper case, that amounts can be given in. */
export function isIso4217Currency(code: string): boolean {
  return ISO_4217_MINOR_UNITS.has(code);
}

/** Digits after the decimal point in a currency's amounts: JPY 0, EUR 2, HUF 2, KWD 3 (2 for a code ISO 4217 does not list). */
export function minorDigits(currency: string): number {
  return ISO_4217_MINOR_UNITS.get(currency) ?? 2;
}

/** Minor units as a plain decimal in the currency's own digits: 1250 EUR → "12.50", 1250 JPY → "1250", 1250 KWD → "1.250". */
export function decimalAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const abs = Math.abs(minor);
  const unit = 10 ** digits;
  return `${minor < 0 ? '-' : ''}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}
