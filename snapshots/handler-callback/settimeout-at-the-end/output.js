async function lambda(input) {
  console.info("waiting");
  await new Promise((resolve) => setTimeout(resolve, 2 * 1000));
  return `Hello ${input.payload.name}`;
}
