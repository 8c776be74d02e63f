/**
 * Benchmarks behind the contract's safety and boundedness claims, run by hand (no profile runs them,
 * no harness reads them): what a pin costs in each shape a caller writes, whether an arena recovers
 * its fast path after thousands of threads came and went, and what the first call after a very long
 * pin costs. Each class says what to read and how to run it.
 */
package org.epocharena.bench.safety;
