package org.edgesim.learning.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reading a whole data file, gunzipped when it starts with the gzip magic, whatever its name. */
final class RawFiles {
    private RawFiles() {
    }

    static byte[] read(Path file) throws DataFormatException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, "no such file");
        } catch (IOException e) {
            throw new DataFormatException(file, "cannot be read: " + e.getMessage());
        }
        return gunzipIfNeeded(file, raw);
    }

    /** A class-path resource's bytes, gunzipped when needed. */
    static byte[] resource(String name) throws DataFormatException {
        Path label = Path.of("classpath:" + name);
        try (InputStream in = RawFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new DataFormatException(label, "no such resource in the edgesim jar");
            }
            return gunzipIfNeeded(label, in.readAllBytes());
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new DataFormatException(label, "cannot be read: " + e.getMessage());
        }
    }

    private static byte[] gunzipIfNeeded(Path file, byte[] raw) throws DataFormatException {
        if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                return in.readAllBytes();
            } catch (ZipException e) {
                throw new DataFormatException(file, "corrupt gzip stream (" + e.getMessage() + ")");
            } catch (java.io.EOFException e) {
                throw new DataFormatException(file, "gzip stream truncated");
            } catch (IOException e) {
                throw new DataFormatException(file, "cannot be gunzipped: " + e.getMessage());
            }
        }
        return raw;
    }
}
