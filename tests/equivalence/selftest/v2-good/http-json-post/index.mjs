async function lambda(input) {
  const url = new URL(`https://api.example.com/accounts/${process.env.X_LIVEPERSON_BRAND_ID}/notes`);
  url.search = new URLSearchParams({ source: "bot", v: "2" }).toString();
  const response = await fetch(url, {
    method: "POST",
    headers: { "X-Api-Key": process.env.API_KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ text: input.payload.text, tags: ["a", "b"] }),
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new Error(`${response.status} - ${JSON.stringify(body)}`);
  }
  return { id: body.id, echoed: body.received.text };
}
