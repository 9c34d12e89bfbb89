/**
 * Choosing a file, in Chinese: antd's Upload with a button (the browser's own file input says
 * "Choose File / No file chosen"). Nothing is uploaded — the chosen files are handed to `onFiles`.
 *
 *   <FilePicker label="导入节假日安排" accept=".json" onFiles={([f]) => void importFile(f)} />
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';

export type FilePickerProps = {
  label: string;
  accept?: string;
  multiple?: boolean;
  /** Show "已选：a.pdf、b.jpg" after choosing (off when the choice is acted on at once). */
  showChosen?: boolean;
  size?: 'small' | 'middle';
  onFiles: (files: File[]) => void;
  testId?: string;
};

export function FilePicker({ label, accept, multiple = false, showChosen = true, size = 'middle', onFiles, testId }: FilePickerProps) {
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <Space size="small" wrap>
      <Upload
        accept={accept}
        multiple={multiple}
        showUploadList={false}
        beforeUpload={(file, list) => {
          // Called once per file of one choice; hand the whole choice over once.
          if (file === list[0]) {
            setChosen(list.map((f) => f.name));
            onFiles(list);
          }
          return false;
        }}
      >
        <Button size={size} icon={<UploadOutlined />} data-testid={testId}>
          {label}
        </Button>
      </Upload>
      {showChosen && (
        <Typography.Text type="secondary" data-testid={testId ? `${testId}-chosen` : undefined}>
          {chosen.length > 0 ? `已选：${chosen.join('、')}` : '未选择文件'}
        </Typography.Text>
      )}
    </Space>
  );
}
