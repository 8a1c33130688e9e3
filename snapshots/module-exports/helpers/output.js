function normalizePhone(raw) {
  return "+" + String(raw).replace(/[^0-9]/g, "");
}

const formatName = (name) => name.trim();

function lambda(input, callback) {
  callback(null, { phone: normalizePhone(input.payload.phone) });
}

export { normalizePhone, formatName as format, formatName as "format-name" };
