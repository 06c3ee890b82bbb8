package org.filesync.jobs;

import java.util.List;

/**
 * A job's include/exclude rules. A file is taken when it matches an include (or there are
 * none) and no exclude; a folder is entered unless it matches an exclude, so {@code **}{@code /.*}
 * keeps a whole {@code .git} tree out.
 */
public final class PathFilter {

    private final List<PathGlob> include;
    private final List<PathGlob> exclude;

    public PathFilter(List<String> include, List<String> exclude) {
        this.include = include.stream().map(PathGlob::compile).toList();
        this.exclude = exclude.stream().map(PathGlob::compile).toList();
    }

    public boolean acceptsFile(String relativePath) {
        return (include.isEmpty() || matchesAny(include, relativePath)) && !matchesAny(exclude, relativePath);
    }

    public boolean acceptsDirectory(String relativePath) {
        return !matchesAny(exclude, relativePath);
    }

    private static boolean matchesAny(List<PathGlob> globs, String path) {
        for (PathGlob glob : globs) {
            if (glob.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
