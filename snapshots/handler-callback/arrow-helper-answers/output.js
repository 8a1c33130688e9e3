async function lambda(input) {
  const reply = (status) => {
    if (status >= 400) {
      return { status, message: "rejected" };
    } else {
      return { status };
    }
  };
  const status = input.payload.valid ? 200 : 422;
  return reply(status);
}
