async function lambda(input) {
  const order = input.payload.order;
  if (!order) {
    return missing();
  }
  try {
    return found(order.id);
  } catch (err) {
    return failed(err);
  }
}

function found(id) {
  if (id.startsWith("X")) {
    return { status: 410, id };
  } else {
    return { status: 200, id };
  }
}

function missing() {
  console.warn("no order");
  return { status: 400 };
}

function failed(err) {
  return { status: 500, message: err.message };
}
