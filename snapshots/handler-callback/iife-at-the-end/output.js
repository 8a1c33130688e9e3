async function lambda(input) {
  const response = { messages: [] };

  async function lookup() {
    return input.payload.name || "friend";
  }

  // Run the steps and answer.
  const name = await lookup();
  response.messages.push(`Hello ${name}`);
  return response;
}
