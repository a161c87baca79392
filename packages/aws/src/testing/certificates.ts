import { generate } from 'selfsigned';

/** A CA and a server certificate it signed, for a loopback HTTPS server. */
export interface TestCertificates {
  /** The CA certificate (PEM). */
  caCert: string;
  /** DescribeCluster's `certificateAuthority.data` for that CA: base64 of the PEM. */
  caData: string;
  /** The server's private key (PEM). */
  serverKey: string;
  /** The server's certificate (PEM), for `localhost` and `127.0.0.1`, signed by the CA. */
  serverCert: string;
}

/**
 * Generates a fresh CA (P-256, SHA-256) and a server certificate it signs for `localhost` and
 * `127.0.0.1`, as an EKS cluster's API server has a certificate of the cluster's own CA.
 * @example const certificates = await generateTestCertificates(); https.createServer({ key: certificates.serverKey, cert: certificates.serverCert });
 */
export async function generateTestCertificates(): Promise<TestCertificates> {
  const ca = await generate([{ name: 'commonName', value: 'kubernetes (Customs test CA)' }], {
    algorithm: 'sha256',
    keyType: 'ec',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'kube-apiserver' }], {
    algorithm: 'sha256',
    keyType: 'ec',
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return {
    caCert: ca.cert,
    caData: Buffer.from(ca.cert, 'utf8').toString('base64'),
    serverKey: server.private,
    serverCert: server.cert,
  };
}
