package org.newsflow.publish.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.newsflow.publish.problem.ProblemException;

class UrlGuardTest {

    private final UrlGuard guard = new UrlGuard(false);

    @Test
    void internalAddressesAreRefused() {
        for (String url : new String[] { "http://127.0.0.1:8080/hook", "http://localhost/hook",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/hook", "http://192.168.1.20/hook",
                "http://172.16.4.4/hook", "http://[::1]/hook", "http://[fd00::1]/hook", "http://0.0.0.0/hook",
                "http://100.64.0.1/hook" }) {
            assertThatThrownBy(() -> guard.check("channel.url", url)).as(url).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.errors().get(0).rule()).isEqualTo("public-address"));
        }
    }

    @Test
    void otherSchemesAndMalformedUrlsAreRefused() {
        assertThatThrownBy(() -> guard.check("channel.url", "ftp://93.184.216.34/x")).isInstanceOfSatisfying(
                ProblemException.class, e -> assertThat(e.errors().get(0).rule()).isEqualTo("http-or-https"));
        assertThatThrownBy(() -> guard.check("channel.url", "file:///etc/passwd")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> guard.check("channel.url", "http://user:pw@93.184.216.34/")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> guard.check("channel.url", "not a url")).isInstanceOf(ProblemException.class);
    }

    @Test
    void aPublicAddressPassesAndPrivateOnesPassWhenAllowed() {
        assertThat(guard.check("channel.url", "https://93.184.216.34/hooks/newsflow").getHost()).isEqualTo("93.184.216.34");
        assertThat(new UrlGuard(true).check("channel.url", "http://127.0.0.1:9999/hook").getPort()).isEqualTo(9999);
    }
}
