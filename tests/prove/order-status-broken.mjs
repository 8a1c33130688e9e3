// order-status migrated by hand, with two mistakes: the X-Client header is gone and the ETA is read
// from a field the order service does not send.
import { Toolbelt } from 'core-functions-toolbelt';

// The body as request-promise's `json: true` read it: parsed JSON, or the text itself
// when it is not JSON (undefined when empty).
async function readJson(response) {
  const text = await response.text();
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

// Order status lookup used by the bot's "Where is my order?" dialog.
async function lambda(input) {
  const { orderNumber } = input.payload;

  if (!orderNumber) {
    return { text: 'Please tell me your order number.' };
  }

  const response2 = await fetch(`${process.env.ORDER_API_URL}/orders/${orderNumber}`, {
    method: 'GET',
    headers: { Accept: 'application/json' },
  });
  const response = {
    statusCode: response2.status,
    headers: Object.fromEntries(response2.headers),
    body: await readJson(response2),
  };

  if (response.statusCode === 404) {
    return { text: `I could not find order ${orderNumber}.` };
  }
  if (response.statusCode !== 200) {
    throw new Error(`order service answered ${response.statusCode}`);
  }

  const order = response.body;
  return {
    text: `Order ${orderNumber} is ${order.status.toLowerCase()}.`,
    eta: order.eta || null,
  };
}
