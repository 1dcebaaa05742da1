/** Configuration: the known keys, the YAML file, environment and command-line overrides. */
package app.essayqa.config;
