/**
 * gillab as a library: {@link io.gillab.api.Gillab#run()} builds a run (runtimes, workloads, threads, a
 * preset), runs it and returns its trials as the results model ({@link io.gillab.model.TrialResult}), with
 * the reports written beside them; {@link io.gillab.api.Runtimes} says which runtimes can run here and why
 * not. The command line and the JUnit 5 extension ({@code io.gillab.junit}) are built on it.
 */
package io.gillab.api;
