async function lambda(input) {
  const reply = { echo: input.payload };
  return reply;
  console.info("replied");
}
