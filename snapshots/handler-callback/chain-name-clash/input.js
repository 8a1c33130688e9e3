function lambda(input, callback) {
  first()
    .then((res) => second(res.id))
    .then((res) => callback(null, res.value))
    .catch((err) => callback(err));
}
