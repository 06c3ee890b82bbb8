package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.filesync.testing.FilesyncProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** filesync passwd as a process, its password piped in as a script would. */
class PasswdCommandTest {

    @TempDir
    Path dir;

    private FilesyncProcess.Result passwd(String stdin) throws Exception {
        FilesyncProcess filesync = new FilesyncProcess(dir, Map.of());
        Process process = filesync.start(List.of("passwd"));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return filesync.collect(process);
    }

    @Test
    void printsABcryptHashOfStrength12ThatVerifiesThePassword() throws Exception {
        FilesyncProcess.Result result = passwd("correct horse battery\n");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String hash = result.stdout().strip();
        assertThat(result.stdout().lines()).hasSize(1);
        assertThat(hash).startsWith("$2a$12$");
        assertThat(new BCryptPasswordEncoder().matches("correct horse battery", hash)).isTrue();
        assertThat(result.all()).doesNotContain("correct horse");
    }

    @Test
    void emptyPasswordIsOneLineOfError() throws Exception {
        FilesyncProcess.Result result = passwd("\n");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().lines()).containsExactly("filesync: passwd: the password is empty");
    }
}
