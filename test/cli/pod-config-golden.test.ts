import { afterAll, describe, expect, it } from 'vitest';
import { tempStateDir } from '../helpers/cli.js';
import { transcript } from '../helpers/transcript.js';

/**
 * Pods that read ConfigMaps and Secrets: a missing volume source holds the pod in ContainerCreating with
 * the kubelet's FailedMount event, a missing env source gives CreateContainerConfigError, and once both
 * exist the container starts with envFrom (prefixed), secretKeyRef (decoded) and downward-API values.
 */
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: envpod
  labels:
    app: demo
spec:
  containers:
  - name: app
    image: kiamol/ch03-sleep
    envFrom:
    - configMapRef:
        name: settings
      prefix: CFG_
    env:
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: creds
          key: password
    - name: OPTIONAL_TOKEN
      valueFrom:
        secretKeyRef:
          name: nothing-here
          key: token
          optional: true
    - name: POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: APP_LABEL
      valueFrom:
        fieldRef:
          fieldPath: metadata.labels['app']
    - name: GREETING
      value: hello from $(POD_NAME)
    volumeMounts:
    - name: settings
      mountPath: /config
  volumes:
  - name: settings
    configMap:
      name: settings
`;

describe('ConfigMap and Secret references', () => {
  const { dir, cleanup } = tempStateDir();
  afterAll(cleanup);

  it('waits for its sources with the kubelet\'s messages, then starts with them', async () => {
    const out = transcript(
      [
        { cmd: 'kubectl apply -f -', stdin: POD },
        'kubectl get pod envpod',
        'kubectl get events --field-selector involvedObject.name=envpod,type=Warning -o custom-columns=REASON:.reason,MESSAGE:.message',
        'kubectl create configmap settings --from-literal=color=blue --from-literal=size=L',
        'kubectl get pod envpod',
        'kubectl get pod envpod -o jsonpath={.status.containerStatuses[0].state.waiting}',
        'kubectl get events --field-selector involvedObject.name=envpod,type=Warning -o custom-columns=REASON:.reason,MESSAGE:.message',
        'kubectl create secret generic creds --from-literal=password=s3cret',
        'kubectl get pod envpod',
        "kubectl exec envpod -- sh -c 'env | grep -E \"^(CFG_|DB_|OPTIONAL|POD_NAME|APP_LABEL|GREETING)\" | sort'",
      ],
      dir,
    );
    await expect(out).toMatchFileSnapshot('../golden/pod-config.txt');
  });
});
