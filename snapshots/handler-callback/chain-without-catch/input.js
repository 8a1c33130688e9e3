async function lambda(input, callback) {
  save(input.payload).then((res) => {
    callback(null, { stored: true, id: res.id });
  });
}
