package org.clinicalrag.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Crash repair for the append-only JSON-lines logs (audit trail, feedback). An append returns only after its whole
 * line, newline included, is forced to disk, so a last line without its newline was never acknowledged: a crash
 * cut it. It is dropped when the log is opened, so the next record starts on a line of its own instead of being
 * glued to the fragment (which would break the audit chain at a record that was written correctly).
 */
public final class AppendOnlyLines {

    private AppendOnlyLines() {
    }

    public static void cutTornTail(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            long keep = size;
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < size) {
                channel.truncate(keep);
                channel.force(true);
            }
        }
    }
}
