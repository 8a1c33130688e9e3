// Broken on purpose: the V1 name of the brand id variable is undefined on V2.
async function lambda(input) {
  const url = new URL(`https://api.example.com/accounts/${process.env.BRAND_ID}/notes`);
  url.search = new URLSearchParams({ source: "bot", v: "2" }).toString();
  const response = await fetch(url, {
    method: "POST",
    headers: { "X-Api-Key": process.env.API_KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ text: input.payload.text, tags: ["a", "b"] }),
  });
  const body = await response.json();
  return { id: body.id, echoed: body.received && body.received.text };
}
