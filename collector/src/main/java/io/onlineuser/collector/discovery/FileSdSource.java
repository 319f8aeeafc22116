package io.onlineuser.collector.discovery;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.onlineuser.collector.jolokia.ConnectorTarget;

/**
 * Targets from a {@code file_sd} directory (every {@code *.json} in it, as the agent's
 * {@code discovery.dir} holds them) or from one {@code file_sd} file. Each call re-reads only the
 * files whose size or modification time changed, so a connector that starts or stops is seen on
 * the next question without a watcher thread, and an unchanged directory costs a few stat calls.
 */
public final class FileSdSource implements TargetSource {

    private final Path path;
    private final Map<Path, Parsed> cache = new LinkedHashMap<>();

    public FileSdSource(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public synchronized Discovery discover() {
        Map<Path, BasicFileAttributes> files = new TreeMap<>();
        Map<String, String> problems = new TreeMap<>();
        try {
            listFiles(files);
        } catch (IOException e) {
            problems.put(path.toString(), "cannot read discovery path: " + describe(e));
            return new Discovery(List.of(), problems);
        }
        cache.keySet().retainAll(files.keySet());
        List<ConnectorTarget> targets = new ArrayList<>();
        for (Map.Entry<Path, BasicFileAttributes> file : files.entrySet()) {
            Parsed parsed = cache.get(file.getKey());
            if (parsed == null || !parsed.sameVersion(file.getValue())) {
                parsed = read(file.getKey(), file.getValue());
                cache.put(file.getKey(), parsed);
            }
            targets.addAll(parsed.targets());
            if (parsed.problem() != null) {
                problems.put(file.getKey().toString(), parsed.problem());
            }
        }
        return new Discovery(targets, problems);
    }

    private void listFiles(Map<Path, BasicFileAttributes> files) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attributes.isDirectory()) {
            files.put(path, attributes);
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path, "*.json")) {
            for (Path entry : entries) {
                try {
                    BasicFileAttributes fileAttributes = Files.readAttributes(entry, BasicFileAttributes.class);
                    if (fileAttributes.isRegularFile()) {
                        files.put(entry, fileAttributes);
                    }
                } catch (NoSuchFileException removedMeanwhile) {
                    // the agent deleted it on shutdown between listing and stat: that connector is gone
                }
            }
        }
    }

    private static Parsed read(Path file, BasicFileAttributes attributes) {
        try {
            return new Parsed(attributes.size(), attributes.lastModifiedTime().toMillis(),
                    FileSdParser.parse(Files.readAllBytes(file)), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Parsed(attributes.size(), attributes.lastModifiedTime().toMillis(), List.of(),
                    "bad file_sd file: " + describe(e));
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        String firstLine = message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
        return e instanceof NoSuchFileException ? "no such file or directory" : firstLine;
    }

    private record Parsed(long size, long modifiedMillis, List<ConnectorTarget> targets, String problem) {

        boolean sameVersion(BasicFileAttributes attributes) {
            return size == attributes.size() && modifiedMillis == attributes.lastModifiedTime().toMillis();
        }
    }
}
