const { Toolbelt } = require("lp-faas-toolbelt")
async function lambda(input, callback) {
  const u = "https://va.agentvep.liveperson.net/x?next=https://va.msghist.liveperson.net/y";
  const t = `${"va.agentvep.liveperson.net"}`;
  const tag = String.raw`https://va.agentvep.liveperson.net/raw`;
  switch (input.host) { case "va.ac.liveperson.net": break; }
  callback(null, [u, t, tag]);
}
