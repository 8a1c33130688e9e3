import lodash from "es-toolkit/compat";

function pick(input) {
  const { get, isEmpty: empty } = lodash;
  return empty(input) ? null : get(input, "payload.id");
}
