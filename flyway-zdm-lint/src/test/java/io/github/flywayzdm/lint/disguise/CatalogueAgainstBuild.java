package io.github.flywayzdm.lint.disguise;

import io.github.flywayzdm.testsupport.disguise.Catalogue;
import io.github.flywayzdm.testsupport.disguise.Disguise;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which catalogue cases a given build of the linter fails (with the CLI's defaults), to compare an earlier build with
 * this one. Not a test: {@code java -cp test-classes ...CatalogueAgainstBuild <classpath of a lint build>...}.
 */
public final class CatalogueAgainstBuild {

    private CatalogueAgainstBuild() {
    }

    public static void main(String[] args) throws Exception {
        for (String classpath : args) {
            List<URL> urls = new ArrayList<>();
            for (String part : classpath.split(java.io.File.pathSeparator)) {
                if (!part.isBlank()) {
                    urls.add(Path.of(part).toUri().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> configClass = loader.loadClass("io.github.flywayzdm.lint.LintConfig");
            Class<?> builderClass = loader.loadClass("io.github.flywayzdm.lint.LintConfig$Builder");
            Class<?> linterClass = loader.loadClass("io.github.flywayzdm.lint.Linter");
            Class<?> scriptClass = loader.loadClass("io.github.flywayzdm.lint.MigrationScript");
            Method of = scriptClass.getMethod("of", String.class, String.class);
            Method path = scriptClass.getMethod("path");
            List<String> passed = new ArrayList<>();
            int failed = 0;
            for (Disguise d : Catalogue.all()) {
                Object builder = configClass.getMethod("builder").invoke(null);
                builderClass.getMethod("placeholders", Map.class).invoke(builder, d.placeholders());
                Object linter = linterClass.getMethod("of", configClass).invoke(null, builderClass.getMethod("build").invoke(builder));
                Map<String, String> files = d.files();
                List<Object> scripts = new ArrayList<>();
                for (Map.Entry<String, String> e : files.entrySet()) {
                    scripts.add(of.invoke(null, e.getKey(), e.getValue()));
                }
                Predicate<Object> target = s -> {
                    try {
                        return ((String) path.invoke(s)).startsWith("V3");
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                };
                Object report = linterClass.getMethod("lint", List.class, Predicate.class).invoke(linter, scripts, target);
                if ((Boolean) report.getClass().getMethod("failed").invoke(report)) {
                    failed++;
                } else {
                    passed.add(d.id());
                }
            }
            System.out.printf("%s: fails %d of %d disguised migrations; passes %s%n", urls.get(0), failed, Catalogue.all().size(), passed);
        }
    }
}
