async function lambda(input, callback) {
    console.info("step 1");
    console.info("step 2");
    console.info("step 3");
    console.info("step 4");
    console.info("step 5");
    console.info("step 6");
    console.log("seven");
    console.log("eight");
    console.log("nine");
    console.log("ten");
    callback(null, true);
}
