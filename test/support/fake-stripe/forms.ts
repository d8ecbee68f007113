// Stripe's request bodies are application/x-www-form-urlencoded with bracketed keys
// (`metadata[marquee_payment_id]=…`, `payment_method_types[0]=card`); this turns them into the
// nested objects the OpenAPI description declares (numeric keys become arrays).

export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

export function parseForm(body: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.split(/\[|\]\[|\]/).filter((p, i) => i === 0 || p !== '');
    let node: FormObject = root;
    parts.forEach((part, i) => {
      const key = part === '' ? String(Object.keys(node).length) : part;
      if (i === parts.length - 1) node[key] = value;
      else {
        const next = node[key];
        if (typeof next !== 'object' || next === null) node[key] = {};
        node = node[key] as FormObject;
      }
    });
  }
  return arraysOf(root) as FormObject;
}

/** Objects whose keys are 0..n-1 become arrays. */
function arraysOf(value: FormValue): FormValue {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(arraysOf);
  const keys = Object.keys(value);
  const out: FormObject = {};
  for (const k of keys) out[k] = arraysOf(value[k] as FormValue);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => out[k] as FormValue);
  return out;
}

export const str = (v: FormValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

export const obj = (v: FormValue | undefined): FormObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};

/** Metadata values are strings; an empty string deletes a key (as Stripe does). */
export function mergeMetadata(current: Record<string, string>, update: FormValue | undefined): Record<string, string> {
  const next = { ...current };
  for (const [k, v] of Object.entries(obj(update))) {
    if (typeof v !== 'string') continue;
    if (v === '') delete next[k];
    else next[k] = v;
  }
  return next;
}
