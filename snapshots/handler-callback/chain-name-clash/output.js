async function lambda(input) {
  let res = await first();
  res = await second(res.id);
  return res.value;
}
