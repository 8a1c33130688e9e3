const main = async (payload) => ({ echoed: payload });

function lambda(input, callback) {
  callback(null, main(input.payload));
}
