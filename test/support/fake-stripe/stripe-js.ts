// The fake Stripe.js served at /v3/ and its 3-D Secure page. It exposes the part of Stripe.js the
// web checkout uses: `Stripe(pk)`, `elements({clientSecret})`, `elements.create('payment')`,
// `element.mount(selectorOrEl)`, `element.on('change'|'ready', cb)`, and
// `stripe.confirmPayment({elements, confirmParams: {return_url}, redirect: 'if_required'})` →
// `{paymentIntent}` or `{error: {type, code, message}}`. The element is a plain form (inputs with
// data-testid fake-stripe-number|exp|cvc); a card needing 3-D Secure is redirected to /3ds/{pi}.

export function fakeStripeJs(baseUrl: string): string {
  return `(function () {
  'use strict';
  var BASE = ${JSON.stringify(baseUrl)};
  function form(obj, prefix, out) {
    out = out || [];
    Object.keys(obj).forEach(function (k) {
      var v = obj[k];
      var key = prefix ? prefix + '[' + k + ']' : k;
      if (v === undefined || v === null) return;
      if (typeof v === 'object') form(v, key, out);
      else out.push(encodeURIComponent(key) + '=' + encodeURIComponent(String(v)));
    });
    return out.join('&');
  }
  function piIdOf(clientSecret) { return String(clientSecret || '').split('_secret_')[0]; }
  function Stripe(publishableKey) {
    if (!publishableKey) throw new Error('Stripe(): a publishable key is required');
    function call(method, path, params) {
      var url = BASE + path + (method === 'GET' ? '?' + form(params) : '');
      return fetch(url, {
        method: method,
        headers: { authorization: 'Bearer ' + publishableKey, 'content-type': 'application/x-www-form-urlencoded' },
        body: method === 'GET' ? undefined : form(params),
      }).then(function (res) { return res.json(); });
    }
    function elements(options) {
      var clientSecret = options && options.clientSecret;
      var created = [];
      return {
        _clientSecret: clientSecret,
        _elements: created,
        create: function (type) {
          if (type !== 'payment' && type !== 'card') throw new Error('fake Stripe.js: unsupported element ' + type);
          var listeners = { change: [], ready: [] };
          var root = null;
          function emit(name, ev) { (listeners[name] || []).forEach(function (cb) { cb(ev); }); }
          function field(name, label, placeholder, mode) {
            var wrap = document.createElement('label');
            wrap.style.display = 'block';
            wrap.textContent = label + ' ';
            var input = document.createElement('input');
            input.name = name;
            input.setAttribute('data-testid', 'fake-stripe-' + name);
            input.setAttribute('inputmode', mode);
            input.setAttribute('autocomplete', 'off');
            input.placeholder = placeholder;
            input.addEventListener('input', function () {
              var v = element._values();
              emit('change', { elementType: 'payment', empty: !v.number && !v.exp && !v.cvc, complete: !!(v.number.length >= 12 && /^\\d{1,2}\\s*\\/\\s*\\d{2,4}$/.test(v.exp) && /^\\d{3,4}$/.test(v.cvc)), value: { type: 'card' } });
            });
            wrap.appendChild(input);
            return wrap;
          }
          var element = {
            mount: function (target) {
              var el = typeof target === 'string' ? document.querySelector(target) : target;
              if (!el) throw new Error('fake Stripe.js: mount target not found');
              root = document.createElement('div');
              root.className = 'fake-stripe-element';
              root.setAttribute('data-testid', 'fake-stripe-element');
              root.appendChild(field('number', 'Card number', '4242 4242 4242 4242', 'numeric'));
              root.appendChild(field('exp', 'Expiry (MM/YY)', 'MM / YY', 'numeric'));
              root.appendChild(field('cvc', 'CVC', 'CVC', 'numeric'));
              el.appendChild(root);
              setTimeout(function () { emit('ready', { elementType: 'payment' }); }, 0);
            },
            on: function (name, cb) { (listeners[name] = listeners[name] || []).push(cb); return element; },
            off: function (name, cb) { listeners[name] = (listeners[name] || []).filter(function (x) { return x !== cb; }); return element; },
            unmount: function () { if (root && root.parentNode) root.parentNode.removeChild(root); },
            destroy: function () { element.unmount(); },
            _values: function () {
              var q = function (n) { var i = root && root.querySelector('[name="' + n + '"]'); return i ? i.value.trim() : ''; };
              return { number: q('number').replace(/[\\s-]/g, ''), exp: q('exp'), cvc: q('cvc') };
            },
          };
          created.push(element);
          return element;
        },
        getElement: function () { return created[0] || null; },
        submit: function () { return Promise.resolve({}); },
      };
    }
    function confirmPayment(options) {
      var els = options && options.elements;
      var clientSecret = (options && options.clientSecret) || (els && els._clientSecret);
      var element = els && els._elements[0];
      if (!clientSecret || !element) return Promise.resolve({ error: { type: 'validation_error', code: 'incomplete', message: 'No payment element to confirm.' } });
      var v = element._values();
      var exp = v.exp.split('/');
      var returnUrl = options.confirmParams && options.confirmParams.return_url;
      var params = {
        client_secret: clientSecret,
        return_url: returnUrl,
        payment_method_data: { type: 'card', card: { number: v.number, exp_month: (exp[0] || '').trim(), exp_year: (exp[1] || '').trim(), cvc: v.cvc } },
      };
      return call('POST', '/v1/payment_intents/' + piIdOf(clientSecret) + '/confirm', params).then(function (body) {
        if (body.error) return { error: body.error };
        if (body.status === 'requires_action' && body.next_action && body.next_action.type === 'redirect_to_url') {
          window.location.assign(body.next_action.redirect_to_url.url);
          return new Promise(function () {});
        }
        if (options.redirect !== 'if_required' && returnUrl) {
          window.location.assign(returnUrl + (returnUrl.indexOf('?') >= 0 ? '&' : '?') + 'payment_intent=' + body.id + '&payment_intent_client_secret=' + encodeURIComponent(clientSecret) + '&redirect_status=' + (body.status === 'succeeded' ? 'succeeded' : 'failed'));
          return new Promise(function () {});
        }
        return { paymentIntent: body };
      });
    }
    function retrievePaymentIntent(clientSecret) {
      return call('GET', '/v1/payment_intents/' + piIdOf(clientSecret), { client_secret: clientSecret }).then(function (body) {
        return body.error ? { error: body.error } : { paymentIntent: body };
      });
    }
    return { elements: elements, confirmPayment: confirmPayment, retrievePaymentIntent: retrievePaymentIntent, _fake: true };
  }
  window.Stripe = Stripe;
})();
`;
}

export function threeDSecurePage(paymentIntentId: string): string {
  const id = paymentIntentId.replace(/[^A-Za-z0-9_]/g, '');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>3-D Secure (fake)</title></head>
<body style="font-family: sans-serif; max-width: 28rem; margin: 3rem auto">
<h1>Confirm your payment</h1>
<p>Fake Stripe test bank: authenticate payment <code>${id}</code>.</p>
<form method="post" action="/3ds/${id}/complete" style="display:inline">
  <button type="submit" data-testid="fake-3ds-complete">Complete</button>
</form>
<form method="post" action="/3ds/${id}/fail" style="display:inline">
  <button type="submit" data-testid="fake-3ds-fail">Fail</button>
</form>
</body></html>
`;
}
