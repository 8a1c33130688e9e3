// Broken on purpose: same result, but the rate is hard-coded and the request is gone.
async function lambda(input) {
  return { amount: input.amount * 1.25, currency: "USD" };
}
