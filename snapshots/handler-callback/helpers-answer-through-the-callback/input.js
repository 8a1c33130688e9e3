function lambda(input, callback) {
  const order = input.payload.order;
  if (!order) {
    return missing(callback);
  }
  try {
    return found(order.id, callback);
  } catch (err) {
    return failed(err, callback);
  }
}

function found(id, callback) {
  if (id.startsWith("X")) {
    callback(null, { status: 410, id });
  } else {
    callback(null, { status: 200, id });
  }
}

function missing(done) {
  console.warn("no order");
  return done(null, { status: 400 });
}

function failed(err, callback) {
  callback(null, { status: 500, message: err.message });
}
