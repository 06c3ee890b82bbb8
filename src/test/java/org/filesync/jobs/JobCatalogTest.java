package org.filesync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.filesync.ftp.PortRange;
import org.filesync.ftp.TlsMode;
import org.filesync.ftp.TransferMode;
import org.filesync.testing.JobFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobCatalogTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheExampleJobsShippedInJobsFolder() {
        JobCatalog catalog = JobCatalog.load(Path.of("jobs"), name -> null);

        assertThat(catalog.errors()).isEmpty();
        assertThat(catalog.jobs()).extracting(JobDefinition::name)
                .containsExactly("nightly-releases", "partner-upload");
        assertThat(catalog.find("partner-upload").orElseThrow().direction()).isEqualTo(Direction.UPLOAD);
    }

    @Test
    void notifySectionReachesTheDefinitionAndTakesTheRestFromTheDefaults() {
        JobFiles.write(dir, "alerting.yaml", "remote:", "  url: ftp://h/", "local:", "  path: x",
                "notify:", "  on: [failure, success]", "  webhook: https://hooks.example.org/${HOOK_TOKEN}",
                "  webhookSecret: ${HOOK_SECRET}");

        JobCatalog catalog = JobCatalog.load(dir, Map.of("HOOK_TOKEN", "t0k3n", "HOOK_SECRET", "s3cret")::get);

        NotifySection alerts = catalog.find("alerting").orElseThrow().alerts();
        assertThat(alerts.on()).containsExactlyInAnyOrder(NotifyEvent.FAILURE, NotifyEvent.SUCCESS);
        assertThat(alerts.webhook().reveal()).isEqualTo("https://hooks.example.org/t0k3n");
        assertThat(alerts.webhookSecret().reveal()).isEqualTo("s3cret");
        assertThat(alerts.toString()).doesNotContain("t0k3n", "s3cret");
        NotifySection defaults = new NotifySection(java.util.Set.of(NotifyEvent.RECOVERY), null, null, null,
                Duration.ofHours(3), null);
        assertThat(alerts.over(defaults).on()).containsExactlyInAnyOrder(NotifyEvent.FAILURE, NotifyEvent.SUCCESS);
        assertThat(alerts.over(defaults).remindEvery()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void everyKeyOfTheSchemaReachesTheDefinition() throws Exception {
        Files.createDirectories(dir.resolve("certs"));
        Files.copy(Path.of("src/test/resources/certs/test-ca.pem"), dir.resolve("certs/partner.pem"));
        JobFiles.write(dir, "full.yaml",
                "name: full-job",
                "description: Every key set",
                "schedule: \"0 30 2 * * ?\"",
                "timezone: Europe/Berlin",
                "direction: upload",
                "remote:",
                "  url: ftp://mirror@ftp.example.org:2121/pub/releases",
                "  password: ${FTP_PASSWORD}",
                "  tls: explicit",
                "  certificate: certs/partner.pem",
                "  verifyCertificate: false",
                "  passive: false",
                "  activeAddress: 203.0.113.5",
                "  activePorts: 50000-50100",
                "  transferMode: block",
                "  markerInterval: 8MB",
                "  connectTimeout: 15s",
                "  idleTimeout: 2m",
                "local:",
                "  path: ../mirror/releases",
                "include: [\"**/*.tar.gz\", \"**/*.sha256\"]",
                "exclude: [\"**/.*\"]",
                "delete: true",
                "parallel: 6",
                "verify: checksum",
                "retries: 5",
                "maxFailures: 7",
                "bandwidthLimit: 20MB",
                "misfire: skip");

        JobCatalog catalog = JobCatalog.load(dir, Map.of("FTP_PASSWORD", "s3cret")::get);

        assertThat(catalog.errors()).isEmpty();
        JobDefinition job = catalog.jobs().get(0);
        assertThat(job.name()).isEqualTo("full-job");
        assertThat(job.description()).isEqualTo("Every key set");
        assertThat(job.schedule()).isEqualTo("0 30 2 * * ?");
        assertThat(job.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(job.direction()).isEqualTo(Direction.UPLOAD);
        assertThat(job.localPath()).isEqualTo(dir.getParent().resolve("mirror/releases").toAbsolutePath());
        assertThat(job.include()).containsExactly("**/*.tar.gz", "**/*.sha256");
        assertThat(job.exclude()).containsExactly("**/.*");
        assertThat(job.delete()).isTrue();
        assertThat(job.parallel()).isEqualTo(6);
        assertThat(job.verify()).isEqualTo(VerifyMode.CHECKSUM);
        assertThat(job.retries()).isEqualTo(5);
        assertThat(job.maxFailures()).isEqualTo(7);
        assertThat(job.bandwidthLimit()).isEqualTo(20L << 20);
        assertThat(job.misfire()).isEqualTo(MisfirePolicy.SKIP);

        RemoteEndpoint remote = job.remote();
        assertThat(remote.scheme()).isEqualTo("ftp");
        assertThat(remote.server().host()).isEqualTo("ftp.example.org");
        assertThat(remote.server().port()).isEqualTo(2121);
        assertThat(remote.path()).isEqualTo("pub/releases");
        assertThat(remote.server().username()).isEqualTo("mirror");
        assertThat(remote.password().reveal()).isEqualTo("s3cret");
        assertThat(remote.tls()).isEqualTo(TlsMode.EXPLICIT);
        assertThat(remote.server().certificate()).isEqualTo(dir.resolve("certs/partner.pem").toAbsolutePath());
        assertThat(remote.verifyCertificate()).isFalse();
        assertThat(remote.server().passive()).isFalse();
        assertThat(remote.server().activeAddress()).isEqualTo("203.0.113.5");
        assertThat(remote.server().activePorts()).isEqualTo(new PortRange(50000, 50100));
        assertThat(remote.server().transferMode()).isEqualTo(TransferMode.BLOCK);
        assertThat(remote.server().markerInterval()).isEqualTo(8L << 20);
        assertThat(remote.server().connectTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(remote.server().idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(remote.displayUrl()).isEqualTo("ftp://mirror@ftp.example.org:2121/pub/releases");
    }

    @Test
    void appliesDocumentedDefaults() {
        JobFiles.write(dir, "minimal.yaml",
                "remote:",
                "  url: ftps://files.example.org/",
                "local:",
                "  path: out");

        JobDefinition job = JobCatalog.load(dir, name -> null).jobs().get(0);

        assertThat(job.name()).isEqualTo("minimal");
        assertThat(job.schedule()).isNull();
        assertThat(job.direction()).isEqualTo(Direction.DOWNLOAD);
        assertThat(job.parallel()).isEqualTo(1);
        assertThat(job.verify()).isEqualTo(VerifyMode.SIZE);
        assertThat(job.retries()).isEqualTo(3);
        assertThat(job.maxFailures()).isEqualTo(10);
        assertThat(job.bandwidthLimit()).isZero();
        assertThat(job.misfire()).isEqualTo(MisfirePolicy.RUN);
        assertThat(job.timezone()).isEqualTo(ZoneId.systemDefault());
        assertThat(job.remote().tls()).isEqualTo(TlsMode.IMPLICIT);
        assertThat(job.remote().server().port()).isEqualTo(990);
        assertThat(job.remote().server().username()).isEqualTo("anonymous");
        assertThat(job.remote().verifyCertificate()).isTrue();
        assertThat(job.remote().server().passive()).isTrue();
        assertThat(job.remote().server().transferMode()).isEqualTo(TransferMode.STREAM);
        assertThat(job.remote().server().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(job.remote().server().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(job.remote().path()).isEmpty();
    }

    @Test
    void readsPasswordFileRelativeToTheJobFileWithoutItsNewline() throws Exception {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/pw"), "hunter2\n");
        JobFiles.write(dir, "a.yaml", "remote:", "  url: ftp://u@h/", "  passwordFile: secrets/pw", "local:", "  path: x");

        JobDefinition job = JobCatalog.load(dir, name -> null).jobs().get(0);

        assertThat(job.remote().password().reveal()).isEqualTo("hunter2");
        assertThat(job.remote().password().toString()).doesNotContain("hunter2");
    }

    @Test
    void absolutePathInUrlIsWrittenWithPercent2F() {
        JobFiles.write(dir, "a.yaml", "remote:", "  url: ftp://h//srv/my%20files", "local:", "  path: x");

        RemoteEndpoint remote = JobCatalog.load(dir, name -> null).jobs().get(0).remote();

        assertThat(remote.path()).isEqualTo("/srv/my files");
        assertThat(remote.displayUrl()).isEqualTo("ftp://anonymous@h:21/%2Fsrv/my%20files");
    }

    @Test
    void ipv6HostIsConnectedToBareAndShownInBrackets() {
        JobFiles.write(dir, "a.yaml", "remote:", "  url: ftp://u@[::1]:2121/pub", "local:", "  path: x");

        RemoteEndpoint remote = JobCatalog.load(dir, name -> null).jobs().get(0).remote();

        assertThat(remote.server().host()).isEqualTo("::1");
        assertThat(remote.displayUrl()).isEqualTo("ftp://u@[::1]:2121/pub");
    }

    @Test
    void computesNextFireTimeInTheJobsTimeZone() {
        JobFiles.write(dir, "a.yaml", "schedule: \"0 30 2 * * ?\"", "timezone: Europe/Berlin",
                "remote:", "  url: ftp://h/", "local:", "  path: x");
        JobDefinition job = JobCatalog.load(dir, name -> null).jobs().get(0);

        Instant next = job.nextFireTime(Instant.parse("2026-11-26T12:00:00Z")).orElseThrow();

        assertThat(next).isEqualTo(Instant.parse("2026-11-27T01:30:00Z"));
    }

    @Test
    void ignoresFilesThatAreNotYaml() {
        JobFiles.write(dir, "notes.txt", "not a job");
        JobFiles.write(dir, "a.yaml", "remote:", "  url: ftp://h/", "local:", "  path: x");

        assertThat(JobCatalog.load(dir, name -> null).jobs()).hasSize(1);
        assertThat(List.of(dir.toFile().list())).contains("notes.txt");
    }
}
