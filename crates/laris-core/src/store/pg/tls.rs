//! The TLS connector: rustls with the ring provider (no OpenSSL to build
//! against). A server on another computer must prove itself with a
//! certificate the system trusts (or one in the file `PGSSLROOTCERT`
//! names); a server on this computer is encrypted to when it offers TLS,
//! without checking its certificate, as libpq's `prefer` does: the
//! connection never leaves the machine, and Debian's own clusters answer
//! with a self-signed certificate.

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

pub(super) fn connector(local: bool) -> Result<MakeRustlsConnect, String> {
    // rustls marks ring's provider deprecated for lacking post-quantum key
    // exchange; its other provider (aws-lc) needs cmake and a larger C
    // build on every machine that builds Laris. A server's TLS is
    // classical anyway.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?;
    let config = if local {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(Local(
                provider.signature_verification_algorithms,
            )))
            .with_no_client_auth()
    } else {
        builder
            .with_root_certificates(roots()?)
            .with_no_client_auth()
    };
    Ok(MakeRustlsConnect::new(config))
}

/// The system's certificate authorities, and those of `PGSSLROOTCERT`.
fn roots() -> Result<rustls::RootCertStore, String> {
    let mut roots = rustls::RootCertStore::empty();
    // A certificate the system lists but rustls cannot read is skipped:
    // the others still verify.
    for cert in rustls_native_certs::load_native_certs().certs {
        let _ = roots.add(cert);
    }
    if let Some(file) = std::env::var_os("PGSSLROOTCERT") {
        let certs = CertificateDer::pem_file_iter(&file)
            .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
            .map_err(|e| format!("PGSSLROOTCERT {}: {e}", file.to_string_lossy()))?;
        for cert in certs {
            roots.add(cert).map_err(|e| e.to_string())?;
        }
    }
    Ok(roots)
}

/// Accepts any certificate of a server on this computer, but still checks
/// the handshake's signatures, so the session is encrypted to whoever holds
/// that certificate's key.
#[derive(Debug)]
struct Local(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for Local {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}
