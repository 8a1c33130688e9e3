const main = async (payload) => ({ echoed: payload });

async function lambda(input) {
  return main(input.payload);
}
