package dev.fashionmnist.maven;

import dev.fashionmnist.data.DownloadProxy;
import dev.fashionmnist.data.ProxySettings;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The active proxies of Maven's settings.xml, with their passwords decrypted, as the core's {@link ProxySettings}. */
final class SettingsProxies {
    private SettingsProxies() {
    }

    static ProxySettings from(Settings settings, SettingsDecrypter decrypter, BuildLog log) {
        if (settings == null || settings.getProxies() == null) {
            return ProxySettings.none();
        }
        List<DownloadProxy> proxies = new ArrayList<>();
        for (Proxy declared : settings.getProxies()) {
            if (declared.isActive()) {
                Proxy proxy = decrypted(declared, decrypter, log);
                proxies.add(new DownloadProxy(proxy.getId(), proxy.getProtocol(), proxy.getHost(), proxy.getPort(),
                        proxy.getUsername(), proxy.getPassword(), proxy.getNonProxyHosts()));
            }
        }
        return new ProxySettings(proxies);
    }

    /**
     * The proxy with its password decrypted. A password that cannot be decrypted is warned about and used as written
     * (as Maven does): the build fails only if a download needs the proxy and the proxy refuses it.
     */
    private static Proxy decrypted(Proxy proxy, SettingsDecrypter decrypter, BuildLog log) {
        if (decrypter == null) {
            return proxy;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                log.warn(Messages.of("maven.proxy.password", proxy.getId(), problem.getMessage()));
                return proxy;
            }
        }
        return result.getProxy() == null ? proxy : result.getProxy();
    }
}
